// Requests outside any locale (proxy.ts redirects most of them) end here.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <head>
        <title>Page not found – Clausewise</title>
      </head>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <main>
          <h1>Page not found</h1>
          <p>
            <a href="/en">Consultations (English)</a> · <a href="/fr" lang="fr">Consultations (français)</a>
          </p>
        </main>
      </body>
    </html>
  );
}
