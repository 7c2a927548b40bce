const express = require('express');

/** Library's data: books and the tokens it issued. */
function createStore() {
  const books = new Map();
  const tokens = new Set();
  return {
    books,
    tokens,
    reset() {
      books.clear();
      tokens.clear();
    },
    issueToken() {
      const token = `token-${tokens.size + 1}-${Math.random().toString(36).slice(2)}`;
      tokens.add(token);
      return token;
    },
  };
}

/** An express 5 app: bearer-token auth of its own, then the books. */
function createApp(store) {
  const app = express();
  app.use((req, res, next) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (!token || !store.tokens.has(token)) return res.status(401).json({ error: 'unknown token' });
    next();
  });
  app.get('/books/:id', (req, res) => {
    const book = store.books.get(Number(req.params.id));
    if (!book) return res.status(404).json({ error: 'no such book' });
    // BREAK_PROVIDER: a renamed field, the breaking change the pact must catch.
    res.json(process.env.BREAK_PROVIDER ? { id: book.id, name: book.title } : book);
  });
  return app;
}

module.exports = { createApp, createStore };
