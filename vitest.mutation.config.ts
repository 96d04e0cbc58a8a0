import base from "./vitest.config";

// Mutation runs only: STRYKER_TESTS=lib/comments/spam.test.ts,… limits the tests each mutant
// is tried against, so that a domain whose full tests seed a database per file can be measured
// in minutes. A score measured so is a lower bound: the tests left out might kill more.
const only = process.env.STRYKER_TESTS?.split(",").filter(Boolean);

export default only ? { ...base, test: { ...base.test, include: only } } : base;
