import {
  coreServices,
  createServiceFactory,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/**
 * A root logger that keeps every line the backend logs, at every level, with its metadata and
 * the fields of the child logger that wrote it, so that a test can search them (e.g. for
 * personal data that must never be logged). Prints nothing.
 */
export class RecordingRootLogger implements RootLoggerService {
  readonly lines: string[];

  constructor(private readonly fields: JsonObject = {}, lines: string[] = []) {
    this.lines = lines;
  }

  factory() {
    return createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => this,
    });
  }

  error(message: string, meta?: Error | JsonObject) {
    this.record('error', message, meta);
  }
  warn(message: string, meta?: Error | JsonObject) {
    this.record('warn', message, meta);
  }
  info(message: string, meta?: Error | JsonObject) {
    this.record('info', message, meta);
  }
  debug(message: string, meta?: Error | JsonObject) {
    this.record('debug', message, meta);
  }

  child(meta: JsonObject): RecordingRootLogger {
    return new RecordingRootLogger({ ...this.fields, ...meta }, this.lines);
  }

  private record(level: string, message: string, meta?: Error | JsonObject) {
    const details =
      meta instanceof Error
        ? `${meta.name}: ${meta.message} ${meta.stack ?? ''}`
        : JSON.stringify(meta ?? {});
    this.lines.push(
      `${level} ${JSON.stringify(this.fields)} ${message} ${details}`,
    );
  }
}
