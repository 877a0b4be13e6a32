import '@backstage/cli/asset-types';
// Styles of Backstage UI, which newer catalog cards (e.g. About) are built on.
import '@backstage/ui/css/styles.css';
import ReactDOM from 'react-dom/client';
import App from './App';

ReactDOM.createRoot(document.getElementById('root')!).render(<App />);
