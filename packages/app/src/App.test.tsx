import { render, waitFor } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('renders', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any, // eslint-disable-line @typescript-eslint/no-explicit-any -- APP_CONFIG is parsed from a string in real use; the test hands the parsed form
    };

    const rendered = render(App.createRoot());

    await waitFor(() => {
      expect(rendered.baseElement).toBeInTheDocument();
    });
  });
});
