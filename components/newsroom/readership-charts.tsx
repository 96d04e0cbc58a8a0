import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, LinePath } from "@visx/shape";
import type { DailySeries } from "@/lib/readership/queries";
import styles from "./readership-charts.module.css";

// Charts drawn on the server as SVG (visx's scales and shapes are plain functions and
// components, so they render in a server component and send no JavaScript). Each carries its
// figures as a table for screen readers and for anyone who wants the numbers.

// Colour-blind-safe (Okabe–Ito), dark enough against white for the bars' 3:1.
const palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#7a6500", "#56595c", "#8a4f00", "#005a8c"];

const number = new Intl.NumberFormat("en-US");

function shortDay(day: string) {
  const [, month, date] = day.split("-");
  return `${Number(date)}/${Number(month)}`;
}

/** A tiny line of hourly reads, with its total and peak said in words. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const width = 120;
  const height = 28;
  const max = Math.max(1, ...values);
  const x = scaleLinear({ domain: [0, Math.max(1, values.length - 1)], range: [1, width - 1] });
  const y = scaleLinear({ domain: [0, max], range: [height - 2, 2] });
  const total = values.reduce((a, b) => a + b, 0);
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${number.format(total)} reads over ${values.length} hours, at most ${number.format(Math.max(0, ...values))} in one hour`}>
      <LinePath data={values} x={(_, i) => x(i)} y={(d) => y(d)} stroke="#0072B2" strokeWidth={1.5} fill="none" />
    </svg>
  );
}

/** Daily figures stacked by series (sections), with a legend and the figures as a table. */
export function DailyStackedChart({ id, title, data, unit }: { id: string; title: string; data: DailySeries; unit: string }) {
  const width = 720;
  const height = 240;
  const margin = { top: 10, right: 10, bottom: 30, left: 44 };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const totals = data.days.map((_, i) => data.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const x = scaleBand({ domain: data.days, range: [0, innerWidth], padding: 0.2 });
  const y = scaleLinear({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const total = totals.reduce((a, b) => a + b, 0);
  const busiest = totals.indexOf(Math.max(...totals));
  const summary =
    total === 0
      ? `No ${unit} in these ${data.days.length} days.`
      : `${number.format(total)} ${unit} in ${data.days.length} days; the most on ${data.days[busiest]} (${number.format(totals[busiest] ?? 0)}).`;
  return (
    <figure className={styles.chart} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-summary`}>
        <Group left={margin.left} top={margin.top}>
          {data.days.map((day, i) => {
            let base = 0;
            return data.series.map((s, k) => {
              const value = s.values[i] ?? 0;
              if (value === 0) return null;
              const top = y(base + value);
              const bottom = y(base);
              base += value;
              return <Bar key={`${day}-${s.key}`} x={x(day)} y={top} width={x.bandwidth()} height={Math.max(0, bottom - top)} fill={palette[k % palette.length]} />;
            });
          })}
          <AxisLeft scale={y} numTicks={4} tickFormat={(v) => number.format(Number(v))} stroke="#333" tickStroke="#333" tickLabelProps={{ fill: "#333", fontSize: 11 }} />
          <AxisBottom
            top={innerHeight}
            scale={x}
            tickValues={data.days.filter((_, i) => i % 5 === data.days.length % 5 || i === data.days.length - 1)}
            tickFormat={shortDay}
            stroke="#333"
            tickStroke="#333"
            tickLabelProps={{ fill: "#333", fontSize: 11 }}
          />
        </Group>
      </svg>
      <p id={`${id}-summary`}>{summary}</p>
      {data.series.length > 1 && (
        <ul className={styles.legend} aria-label={`${title}: legend`}>
          {data.series.map((s, k) => (
            <li key={s.key}>
              <span className={styles.swatch} style={{ background: palette[k % palette.length] }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <details className={styles.figures}>
        <summary>Figures by day</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {data.series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {data.days.map((day, i) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {data.series.map((s) => (
                  <td key={s.key}>{number.format(s.values[i] ?? 0)}</td>
                ))}
                <td>{number.format(totals[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Shares of a whole as horizontal bars, each labelled with its count and percentage. */
export function ShareBars({ id, title, rows }: { id: string; title: string; rows: { label: string; value: number }[] }) {
  const width = 360;
  const rowHeight = 26;
  const labelWidth = 130;
  const total = rows.reduce((a, r) => a + r.value, 0);
  const x = scaleLinear({ domain: [0, Math.max(1, ...rows.map((r) => r.value))], range: [0, width - labelWidth - 90] });
  const percent = (v: number) => (total === 0 ? "0%" : `${Math.round((v / total) * 100)}%`);
  return (
    <figure className={styles.chart} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg width={width} height={rows.length * rowHeight} viewBox={`0 0 ${width} ${rows.length * rowHeight}`} aria-hidden="true">
        {rows.map((r, i) => (
          <Group key={r.label} top={i * rowHeight}>
            <text x={0} y={17} fontSize={12} fill="#222">
              {r.label}
            </text>
            <Bar x={labelWidth} y={5} height={16} width={Math.max(r.value > 0 ? 2 : 0, x(r.value))} fill={palette[0]} />
            <text x={labelWidth + x(r.value) + 6} y={17} fontSize={12} fill="#222">
              {`${number.format(r.value)} (${percent(r.value)})`}
            </text>
          </Group>
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>
                {number.format(r.value)} ({percent(r.value)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export const tileStyles = styles;
