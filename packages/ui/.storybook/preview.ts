import type { Preview } from '@storybook/react-vite';
import '../src/styles.css';

// Stories are French documents, like the hub.
document.documentElement.lang = 'fr';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Accessibility violations (contrast, names, roles) fail the interaction tests.
    a11y: { test: 'error' },
  },
};

export default preview;
