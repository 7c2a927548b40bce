// LibraryWeb's client for the Library service (the code the consumer test drives).
async function getBook(baseUrl, id, token) {
  const response = await fetch(`${baseUrl}/books/${id}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`Library answered ${response.status}`);
  const book = await response.json();
  // BREAK_CONSUMER: the client starts to rely on a field the pact never promised.
  if (process.env.BREAK_CONSUMER && typeof book.isbn !== 'string') throw new Error('book without an isbn');
  return { id: book.id, title: book.title };
}

module.exports = { getBook };
