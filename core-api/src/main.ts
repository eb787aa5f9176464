import { main } from './cli.ts';

const status = await main(process.argv.slice(2));
if (status >= 0) process.exit(status);
