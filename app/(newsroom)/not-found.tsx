import { NewsroomNotFoundContent } from "@/components/ui/not-found-page";

// A notFound() met in a client navigation, inside the newsroom's frame. A page load gets the
// same from scripts/server.mjs (app/(newsroom)/dashboard/not-found).
export default function NewsroomNotFound() {
  return <NewsroomNotFoundContent />;
}
