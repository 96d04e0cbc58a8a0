import { notFound } from "next/navigation";

// Deeper paths under an article are never pages; they get the site's 404, not a 500.
export default function Page() {
  notFound();
}
