import { NotFoundContent } from "@/components/site/not-found-page";

export default function SiteNotFound() {
  return <NotFoundContent />;
}
