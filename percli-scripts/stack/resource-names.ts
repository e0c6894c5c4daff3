// Prints the metadata.name of every resource in a Perses API list read from stdin (plugin modules, dashboards),
// joined by the separator, for start.sh's "ready" lines.
//
//   curl -s …/api/v1/plugins | tsx percli-scripts/stack/resource-names.ts [separator, default " "]
const separator = process.argv[2] ?? ' ';
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const resources = JSON.parse(input) as Array<{ metadata: { name: string } }>;
  console.log(resources.map((r) => r.metadata.name).join(separator));
});
