// Run by scripts/bench-read.mjs: publishes the results of its synthetic consultation, as an admin would.
import { publishResults } from "@/lib/drafting/lifecycle";

async function main() {
  const [consultationId, adminId] = process.argv.slice(2);
  const published = await publishResults(adminId, consultationId);
  if (!published.ok) throw new Error(`publishResults: ${published.key}`);
  console.log("published");
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
