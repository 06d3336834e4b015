// The peer: react-jsonschema-form with its AJV 8 validator, as agencies
// would deploy it, on the same schema.
import React from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';

const schema = await (await fetch('schema.json')).json();
function App() {
  const [formData, setFormData] = React.useState({});
  return <Form schema={schema} validator={validator} formData={formData} onChange={(e) => setFormData(e.formData)} />;
}
createRoot(document.getElementById('root')).render(<App />);
window.benchReady = true;
