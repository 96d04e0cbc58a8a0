import { setup } from "./db-setup";

await setup({ seed: true });
