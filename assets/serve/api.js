// The board's JSON API (the same documents the CLI prints with --json). Errors carry the CLI's
// error document: {error: {code, message, hint}}.
export async function get(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  return answer(res);
}

export async function post(path, body) {
  const res = await fetch(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  return answer(res);
}

async function answer(res) {
  const text = await res.text();
  let doc = null;
  try { doc = JSON.parse(text); } catch { /* not JSON */ }
  if (!res.ok) {
    const e = doc?.error;
    throw new Error(e ? `${e.message}${e.hint ? ` — ${e.hint}` : ''}` : `${res.status} ${text}`);
  }
  return { data: doc, headers: res.headers };
}
