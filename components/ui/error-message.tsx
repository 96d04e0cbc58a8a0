import styles from "./not-found.module.css";

/**
 * What an error boundary shows: an apology, Try again (which re-renders the segment) and a way
 * out. Nothing of the error itself is shown: it may name servers. `as` is the boundary's
 * wrapper: `main` at the root, where no layout gives one, `div` inside the site's own.
 */
export function ErrorMessage({ as: Wrapper, reset }: { as: "main" | "div"; reset: () => void }) {
  return (
    <Wrapper className={styles.page} role="alert">
      <h1>This page could not be loaded just now</h1>
      <p>Please try again in a minute.</p>
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{" "}
        or <a href="/">go to the front page</a>
      </p>
    </Wrapper>
  );
}
