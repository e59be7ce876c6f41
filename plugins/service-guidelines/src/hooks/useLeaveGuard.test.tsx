import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Link, Route, Routes } from 'react-router-dom';
import { useLeaveGuard } from './useLeaveGuard';

function FormPage(props: { dirty: boolean }) {
  useLeaveGuard(props.dirty, 'Leave anyway?');
  return (
    <>
      <h1>Form</h1>
      <Link to="/elsewhere">Go elsewhere</Link>
    </>
  );
}

function renderAt(dirty: boolean) {
  return render(
    <MemoryRouter initialEntries={['/form']}>
      <Routes>
        <Route path="/form" element={<FormPage dirty={dirty} />} />
        <Route path="/elsewhere" element={<h1>Elsewhere</h1>} />
      </Routes>
    </MemoryRouter>,
  );
}

function beforeUnloadPrevented() {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('useLeaveGuard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks before following a link away from unsaved input, and stays when the answer is no', () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    renderAt(true);
    fireEvent.click(screen.getByRole('link', { name: 'Go elsewhere' }));
    expect(confirm).toHaveBeenCalledWith('Leave anyway?');
    expect(screen.getByRole('heading', { name: 'Form' })).toBeInTheDocument();
    expect(beforeUnloadPrevented()).toBe(true);
  });

  it('leaves when the person confirms', () => {
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt(true);
    fireEvent.click(screen.getByRole('link', { name: 'Go elsewhere' }));
    expect(
      screen.getByRole('heading', { name: 'Elsewhere' }),
    ).toBeInTheDocument();
  });

  it('does not ask when nothing is unsaved', () => {
    const confirm = jest.spyOn(window, 'confirm');
    renderAt(false);
    fireEvent.click(screen.getByRole('link', { name: 'Go elsewhere' }));
    expect(confirm).not.toHaveBeenCalled();
    expect(
      screen.getByRole('heading', { name: 'Elsewhere' }),
    ).toBeInTheDocument();
    expect(beforeUnloadPrevented()).toBe(false);
  });
});
