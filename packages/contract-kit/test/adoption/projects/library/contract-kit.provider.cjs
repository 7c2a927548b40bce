const { defineProvider } = require('contract-kit/provider');
const { createApp, createStore } = require('./src/app.js');

let store;

module.exports = defineProvider({
  provider: 'Library',
  // An express app is a request listener: the kit starts it on a free port.
  app: () => {
    store = createStore();
    return createApp(store);
  },
  cleanState: async () => store.reset(),
  states: () => ({
    'a book exists': async ({ id }) => {
      store.books.set(id, { id, title: 'Dune' });
    },
    'no book exists': async () => {},
  }),
  // pact-js semantics: the pacts carry LibraryWeb's own token; swap in one Library issued.
  requestFilter: (req, _res, next) => {
    if (req.headers.authorization) req.headers.Authorization = `Bearer ${store.issueToken()}`;
    next();
  },
});
