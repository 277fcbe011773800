/** Fetches and reads the body as JSON when it is JSON, as text otherwise. */
export async function call(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, body };
}

/** POSTs a GraphQL request body to base/graphql. */
export const post = (base: string, body: object, headers: Record<string, string> = {}) =>
  call(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
