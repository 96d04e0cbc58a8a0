import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  // Reader pages link with plain <a>: a reader goes from one cached page to the next, and
  // next/link would hydrate every link on a front page (a hundred of them) and prefetch each one
  // in view, which is most of the script time a phone spends on the page. The rule is written for
  // the pages router; staff screens keep next/link.
  {
    files: ["app/(site)/**", "components/site/**", "components/ui/**", "app/not-found.tsx", "app/forbidden.tsx"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  // Playwright fixtures receive a `use` callback, which is not React's use().
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  { ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/results/**", ".stryker-tmp/**", "reports/**"] },
];

export default config;
