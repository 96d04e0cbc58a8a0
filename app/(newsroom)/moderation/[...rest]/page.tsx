import { NotFoundPage, notFoundMetadata } from "@/components/not-found-page";

// A staff address no page has: the newsroom's own 404, in its frame, with a search box.
export const metadata = notFoundMetadata;

export default function StaffNotFound() {
  return <NotFoundPage search />;
}
