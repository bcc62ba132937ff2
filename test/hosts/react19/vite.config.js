// No @vitejs/plugin-react: Vite's own transform compiles the TSX with React's automatic
// runtime (`react/jsx-runtime`), as tsc's `jsx: react-jsx` checks it.
export default {
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
};
