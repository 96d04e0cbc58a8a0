import { NotFoundContent } from "@/components/ui/not-found-page";

export default function SiteNotFound() {
  return <NotFoundContent />;
}
