import { formatDate, formatDateTime, formatStaffTime } from "@/lib/format";

type Common = { at: Date | string; timeZone: string; className?: string };
type Props = (Common & { style?: "staff"; seconds?: boolean; locale?: never }) | (Common & { style: "date" | "dateTime"; locale: string; seconds?: never });

/**
 * Every time the site shows, as `<time datetime>` with the instant and a text in the site's
 * zone: on staff screens "2 Dec 2026, 14:05 CET" (the default); on reader pages, in the site's
 * locale, a date ("May 5, 2026") or a date and time naming the zone.
 *
 * Render it on the server: a client component is handed the element (a prop of type
 * ReactNode) rather than the time, so that the browser's copy of the time zone data can
 * never disagree with the server's text while hydrating.
 */
export function Timestamp(props: Props) {
  const { timeZone, className } = props;
  const iso = props.at instanceof Date ? props.at.toISOString() : props.at;
  const text =
    props.locale === undefined
      ? formatStaffTime(iso, timeZone, { seconds: props.seconds })
      : (props.style === "date" ? formatDate : formatDateTime)(iso, props.locale, timeZone);
  return (
    <time dateTime={iso} className={className}>
      {text}
    </time>
  );
}
