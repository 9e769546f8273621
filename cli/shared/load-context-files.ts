// The context read from files (Markdown or JSON), apart from load-context.ts so that the
// commands load the Markdown readers only when they read a référentiel given by path.
export { loadEvaluationContext } from 'label-cae/node';
