import { NotFoundContent } from "@/components/not-found-page";

export default function SiteNotFound() {
  return <NotFoundContent />;
}
