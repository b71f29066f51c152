// m365agents.local.yml: checks env/.env.local before anything is registered. The tab may stay on
// https://localhost (Teams loads it in your own browser), but the API must be the public dev
// tunnel URL: the Bot Service posts meeting events to it from the internet.
//
//   node infra/scripts/check-local-endpoints.js <TAB_ENDPOINT> <TAB_DOMAIN> <API_ENDPOINT> <API_DOMAIN>
const [tabEndpoint, tabDomain, apiEndpoint, apiDomain] = process.argv.slice(2);
const problems = [];

function origin(name, value) {
  const url = URL.parse(value ?? '');
  if (url === null || url.protocol !== 'https:') {
    problems.push(`${name} must be an https URL; it is "${value ?? ''}".`);
    return null;
  }
  if (url.origin !== value) {
    problems.push(`${name} must be an origin, without a path or a trailing slash: ${url.origin}`);
    return null;
  }
  return url;
}

function sameHost(name, value, url, endpointName) {
  if (url !== null && value !== url.host) {
    problems.push(`${name} must be the host of ${endpointName}: ${url.host}`);
  }
}

const tab = origin('TAB_ENDPOINT', tabEndpoint);
sameHost('TAB_DOMAIN', tabDomain, tab, 'TAB_ENDPOINT');
const api = origin('API_ENDPOINT', apiEndpoint);
sameHost('API_DOMAIN', apiDomain, api, 'API_ENDPOINT');
if (api !== null && ['localhost', '127.0.0.1', '[::1]'].includes(api.hostname)) {
  problems.push(
    'API_ENDPOINT must be your dev tunnel URL for port 7071 (devtunnel host -p 7071), ' +
      'such as https://abc123-7071.euw.devtunnels.ms: the Bot Service cannot reach localhost.',
  );
}

if (problems.length > 0) {
  console.error(`env/.env.local needs a change:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Tab ${tab?.origin}, API ${api?.origin}: fine.`);
