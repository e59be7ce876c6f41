import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ResponseError } from '@backstage/errors';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Header,
  Link,
  Skeleton,
  Text,
} from '@backstage/ui';
import {
  Fortroendevald,
  KNOWN_PARTIES,
  Uppdrag,
} from '@service-guidelines/plugin-service-guidelines-common';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { fortroendevaldaApiRef } from '../../api/FortroendevaldaApi';
import {
  useCanManageDirectory,
  useFortroendevald,
} from '../../hooks/useFortroendevalda';
import { directoryRouteRef } from '../../routes';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { ConfirmDialog } from '../DirectoryAdmin/ConfirmDialog';
import { EndUppdragDialog } from '../DirectoryAdmin/EndUppdragDialog';
import { PersonDialog } from '../DirectoryAdmin/PersonDialog';
import { UppdragDialog } from '../DirectoryAdmin/UppdragDialog';
import { useUppdragText } from '../DirectoryPage/uppdragText';
import { errorText } from '../shared/errorText';
import { FactList } from '../shared/FactList';
import { UppdragAction, UppdragTable } from './UppdragTable';

type OpenDialog =
  | { kind: 'edit' }
  | { kind: 'removePerson' }
  | { kind: 'addUppdrag' }
  | { kind: UppdragAction; uppdrag: Uppdrag };

/** One förtroendevald: how to reach them, and every uppdrag, current and past. */
export function FortroendevaldPage() {
  const { id = '' } = useParams();
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const text = useUppdragText();
  const api = useApi(fortroendevaldaApiRef);
  const canManage = useCanManageDirectory();
  const directoryLink = useRouteRef(directoryRouteRef);
  const navigate = useNavigate();
  const loaded = useFortroendevald(id);
  // What the last save answered, so that the page shows it without asking again.
  const [saved, setSaved] = useState<Fortroendevald>();
  const [dialog, setDialog] = useState<OpenDialog>();
  const person = saved?.id === id ? saved : loaded.value;
  const close = () => setDialog(undefined);

  const back = <Link href={directoryLink()}>{t('directory.person.back')}</Link>;

  if (!person) {
    const notFound =
      loaded.error instanceof ResponseError && loaded.error.statusCode === 404;
    return (
      <>
        <Header title={t('directory.title')} />
        <Container>
          <Flex direction="column" gap="4">
            {back}
            {loaded.loading && (
              <Flex direction="column" gap="2" aria-busy="true">
                <Text>{t('directory.loading')}</Text>
                <Skeleton width="40%" />
              </Flex>
            )}
            {loaded.error && (
              <Alert
                status={notFound ? 'warning' : 'danger'}
                title={
                  notFound
                    ? t('directory.person.notFound')
                    : t('directory.person.loadError')
                }
                description={notFound ? undefined : errorText(loaded.error)}
              />
            )}
          </Flex>
        </Container>
      </>
    );
  }

  const party = KNOWN_PARTIES.find(p => p.abbreviation === person.party);
  const ongoing = person.uppdrag.filter(u => u.status !== 'past');
  const past = person.uppdrag.filter(u => u.status === 'past');
  const onAction = canManage
    ? (kind: UppdragAction, uppdrag: Uppdrag) => setDialog({ kind, uppdrag })
    : undefined;

  return (
    <>
      <Header
        title={person.name}
        description={
          party ? `${party.name} (${party.abbreviation})` : person.party
        }
        customActions={
          canManage ? (
            <Flex gap="2">
              <Button
                variant="secondary"
                onPress={() => setDialog({ kind: 'edit' })}
              >
                {t('directory.admin.edit')}
              </Button>
              <Button
                variant="secondary"
                destructive
                onPress={() => setDialog({ kind: 'removePerson' })}
              >
                {t('directory.admin.remove')}
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <Container>
        <Flex direction="column" gap="4">
          {back}
          <Card aria-labelledby="sg-person-contact">
            <CardHeader>
              <Text as="h2" variant="title-small" id="sg-person-contact">
                {t('directory.person.contact')}
              </Text>
            </CardHeader>
            <CardBody>
              <Flex direction="column" gap="3">
                <FactList
                  facts={[
                    [
                      t('directory.person.email'),
                      <Link href={`mailto:${person.email}`}>
                        {person.email}
                      </Link>,
                    ],
                    person.phone && [
                      t('directory.person.phone'),
                      <Link
                        href={`tel:${person.phone.replace(/[^+0-9]/g, '')}`}
                      >
                        {person.phone}
                      </Link>,
                    ],
                    [
                      t('directory.person.party'),
                      party
                        ? `${party.name} (${party.abbreviation})`
                        : person.party,
                    ],
                  ]}
                />
                <Text color="secondary">{t('directory.aboutSynpunkter')}</Text>
              </Flex>
            </CardBody>
          </Card>

          <Card aria-labelledby="sg-person-current">
            <CardHeader>
              <Flex justify="between" align="center">
                <Text as="h2" variant="title-small" id="sg-person-current">
                  {t('directory.person.currentUppdrag')}
                </Text>
                {canManage && (
                  <Button
                    variant="secondary"
                    size="small"
                    onPress={() => setDialog({ kind: 'addUppdrag' })}
                  >
                    {t('directory.admin.addUppdrag')}
                  </Button>
                )}
              </Flex>
            </CardHeader>
            <CardBody>
              <UppdragTable
                label={t('directory.person.currentUppdrag')}
                uppdrag={ongoing}
                emptyText={t('directory.person.noCurrentUppdrag')}
                onAction={onAction}
              />
            </CardBody>
          </Card>

          <Card aria-labelledby="sg-person-past">
            <CardHeader>
              <Text as="h2" variant="title-small" id="sg-person-past">
                {t('directory.person.pastUppdrag')}
              </Text>
            </CardHeader>
            <CardBody>
              <UppdragTable
                label={t('directory.person.pastUppdrag')}
                uppdrag={past}
                emptyText={t('directory.person.noPastUppdrag')}
                onAction={onAction}
              />
            </CardBody>
          </Card>
        </Flex>
      </Container>

      {canManage && (
        <>
          <PersonDialog
            isOpen={dialog?.kind === 'edit'}
            person={person}
            onClose={close}
            onSaved={setSaved}
          />
          <UppdragDialog
            isOpen={dialog?.kind === 'addUppdrag' || dialog?.kind === 'change'}
            person={person}
            uppdrag={dialog?.kind === 'change' ? dialog.uppdrag : undefined}
            onClose={close}
            onSaved={setSaved}
          />
          {dialog?.kind === 'end' && (
            <EndUppdragDialog
              isOpen
              person={person}
              uppdrag={dialog.uppdrag}
              onClose={close}
              onSaved={setSaved}
            />
          )}
          {dialog?.kind === 'remove' && (
            <ConfirmDialog
              isOpen
              title={t('directory.admin.removeUppdragDialog.title')}
              body={t('directory.admin.removeUppdragDialog.body', {
                role: text.role(dialog.uppdrag.role),
                organ: dialog.uppdrag.organ,
              })}
              confirmLabel={t('directory.admin.removeUppdragDialog.confirm')}
              onConfirm={async () =>
                setSaved(
                  await api.removeUppdrag(
                    person.id,
                    dialog.uppdrag.id,
                    person.version,
                  ),
                )
              }
              onClose={close}
            />
          )}
          {dialog?.kind === 'removePerson' && (
            <ConfirmDialog
              isOpen
              title={t('directory.admin.removePerson.title', {
                name: person.name,
              })}
              body={t('directory.admin.removePerson.body')}
              confirmLabel={t('directory.admin.removePerson.confirm')}
              onConfirm={async () => {
                await api.remove(person.id, person.version);
                navigate(directoryLink());
              }}
              onClose={close}
            />
          )}
        </>
      )}
    </>
  );
}
