import { setup } from "./db-setup";

await setup({ seed: false, renderBodies: true });
