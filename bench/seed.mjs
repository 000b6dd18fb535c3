// Loads the benchmark's data through Steward's own GraphQL API, so that every row also has its event in the
// policy log: WORLDS worlds, and in the world "bench" POLICIES policies, each with one variant, all activated.
// Then issues a viewer API token for the reads and prints its secret as the last line of standard output.
const [url, token, worlds = '1000', policies = '100'] = process.argv.slice(2);

async function graphql(query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) {
    throw new Error(`${query}\n${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

const createWorld = `mutation($id: ID!, $name: String!) {
  createWorld(input: {id: $id, name: $name, description: "A world of the benchmark", config: {region: "eu", tier: 2}}) { world { id } } }`;
const upsert = `mutation($policy: ID!) {
  upsertPolicyVariant(input: {policyId: $policy, variant: "default", policyVersion: 1, status: ACTIVE,
    content: {text: "Well met, traveller.", tone: "friendly"}}) { variant { id } } }`;
const activate = `mutation($world: ID!, $policy: ID!) {
  activatePolicy(input: {worldId: $world, policyId: $policy, variant: "default"}) { event { activationEventId } } }`;

async function inParallel(count, task, width = 8) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) {
      await task(next++);
    }
  }));
}

await graphql(createWorld, { id: 'bench', name: 'Bench' });
await inParallel(Number(worlds), (i) => graphql(createWorld, { id: `w-${String(i).padStart(5, '0')}`, name: `World ${i}` }));
const policyIds = Array.from({ length: Number(policies) }, (_, i) => `prompt:bench:greeting_${String(i).padStart(3, '0')}`);
await inParallel(policyIds.length, (i) => graphql(upsert, { policy: policyIds[i] }));
await inParallel(policyIds.length, (i) => graphql(activate, { world: 'bench', policy: policyIds[i] }), 1);
console.error(`Loaded ${Number(worlds) + 1} worlds and ${policyIds.length} activated policies in the world "bench"`);
const issued = await graphql('mutation { createApiToken(input: {name: "bench-reader", role: VIEWER}) { secret } }');
console.log(issued.createApiToken.secret);
