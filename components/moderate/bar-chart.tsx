"use client";
// A bar chart drawn with Recharts as SVG (server-rendered, so it shows without
// JavaScript). It is hidden from screen readers: the table beside it holds
// the same figures. Recharts sizes its wrapper inline: overridden, so the chart
// shrinks with a phone's screen instead of pushing the page sideways.
import { Bar, BarChart as RBarChart, CartesianGrid, XAxis, YAxis } from "recharts";

export function BarChart({
  data,
  width = 680,
  height = 240,
}: {
  data: { label: string; n: number }[];
  width?: number;
  height?: number;
}) {
  return (
    <div
      aria-hidden="true"
      className="mb-2 max-w-full [&_.recharts-wrapper]:!h-auto [&_.recharts-wrapper]:!w-full [&_svg]:h-auto [&_svg]:max-w-full"
    >
      <RBarChart
        width={width}
        height={height}
        data={data}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#b1b4b6" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: "#0b0c0c", fontSize: 12 }} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={{ fill: "#0b0c0c", fontSize: 12 }} width={48} />
        <Bar dataKey="n" fill="#1d4f91" isAnimationActive={false} />
      </RBarChart>
    </div>
  );
}
