import type { Preview } from '@storybook/react-vite';
import '../src/styles.css';

// Stories are French documents, like the hub.
document.documentElement.lang = 'fr';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Accessibility violations (contrast, names, roles) fail the interaction tests.
    a11y: {
      test: 'error',
      // React Aria's shared live region keeps past announcements for a few seconds; they may
      // point at elements a story already removed. It is not part of any component.
      context: { exclude: ['[data-live-announcer]'] },
    },
  },
};

export default preview;
