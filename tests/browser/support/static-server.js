'use strict';
// A tiny static server on its own port: a second origin that embeds the widget from folio-server.
const http = require('node:http');

// pages: {'/path': 'html'}; resolves to {origin, close()}.
function startStaticServer(pages) {
  const server = http.createServer((req, res) => {
    const html = pages[new URL(req.url, 'http://x').pathname];
    res.writeHead(html ? 200 : 404, {'Content-Type': 'text/html; charset=utf-8'});
    res.end(html || 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({
      origin: `http://127.0.0.1:${server.address().port}`,
      close: () => new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
    });
  }));
}

module.exports = {startStaticServer};
