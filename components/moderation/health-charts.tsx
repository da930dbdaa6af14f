"use client";

import type { ReactElement, ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { HEALTH_LIST_KINDS, HEALTH_PERSONAL_EVENTS, type CommunityHealth } from "@/lib/moderation/community-health";

/*
 * Colours come from CSS variables set on the wrapper, with dark-mode values: each pair has at
 * least 4.5:1 contrast on the card (white / zinc-900), so legend text and lines stay readable.
 * Series are also told apart without colour: dashed lines and distinct dots, the legend, and the
 * table under every chart.
 */
const PALETTE =
  "[--health-1:#1d4ed8] [--health-2:#b45309] [--health-3:#047857] [--health-axis:#3f3f46] [--health-grid:#d4d4d8] [--health-tip-bg:#ffffff] [--health-tip-fg:#18181b] " +
  "dark:[--health-1:#93c5fd] dark:[--health-2:#fcd34d] dark:[--health-3:#6ee7b7] dark:[--health-axis:#d4d4d8] dark:[--health-grid:#52525b] dark:[--health-tip-bg:#27272a] dark:[--health-tip-fg:#f4f4f5]";
const COLORS = ["var(--health-1)", "var(--health-2)", "var(--health-3)"] as const;
const DASHES = [undefined, "6 4", "2 3"] as const;
const AXIS = { stroke: "var(--health-axis)", tick: { fill: "var(--health-axis)", fontSize: 12 } };
const TOOLTIP = {
  contentStyle: { background: "var(--health-tip-bg)", color: "var(--health-tip-fg)", borderColor: "var(--health-grid)" },
  labelStyle: { color: "var(--health-tip-fg)" },
  itemStyle: { color: "var(--health-tip-fg)" },
};
const CHART_STYLE = { width: "100%", height: 260 };
const MARGIN = { top: 8, right: 12, bottom: 24, left: 8 };

type Series = { key: string; label: string };
type Column = { key: string; label: string; format?: (value: number | null) => string };
type Row = Record<string, string | number | null>;

function ChartCard(props: {
  id: string;
  title: string;
  summary: string;
  showNumbers: string;
  columns: Column[];
  rows: Row[];
  children: ReactElement | null;
}) {
  const { id, title, summary, showNumbers, columns, rows, children } = props;
  return (
    <section aria-labelledby={`${id}-title`} className="min-w-0 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <p id={`${id}-summary`} className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        {summary}
      </p>
      {children ? (
        // The picture is for sighted people; its words are the summary above and the table below.
        <div role="img" aria-label={title} aria-describedby={`${id}-summary`} className="mt-3 min-w-0">
          {children}
        </div>
      ) : null}
      {rows.length > 0 ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">{showNumbers}</summary>
          <div role="group" aria-labelledby={`${id}-title`} tabIndex={0} className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm tabular-nums">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr className="border-b border-zinc-300 dark:border-zinc-700">
                  {columns.map((column) => (
                    <th key={column.key} scope="col" className="px-2 py-1 font-medium">
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={index} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                    {columns.map((column, columnIndex) => {
                      const value = row[column.key] ?? null;
                      const text = column.format && typeof value !== "string" ? column.format(value) : String(value ?? "");
                      return columnIndex === 0 ? (
                        <th key={column.key} scope="row" className="px-2 py-1 font-normal">
                          {text}
                        </th>
                      ) : (
                        <td key={column.key} className="px-2 py-1">
                          {text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}

function axes(xLabel: string, yLabel: string, yFormat?: (value: number) => string) {
  return [
    <CartesianGrid key="grid" stroke="var(--health-grid)" strokeDasharray="3 3" vertical={false} />,
    <XAxis key="x" dataKey="label" {...AXIS} label={{ value: xLabel, position: "insideBottom", offset: -16, fill: "var(--health-axis)", fontSize: 12 }} />,
    <YAxis
      key="y"
      {...AXIS}
      allowDecimals={false}
      width={48}
      tickFormatter={yFormat}
      label={{ value: yLabel, angle: -90, position: "insideLeft", offset: 4, fill: "var(--health-axis)", fontSize: 12, style: { textAnchor: "middle" } }}
    />,
    <Tooltip key="tooltip" {...TOOLTIP} />,
    <Legend key="legend" verticalAlign="top" itemSorter={null} />,
  ];
}

function Bars({ data, series, xLabel, yLabel, yFormat }: { data: Row[]; series: Series[]; xLabel: string; yLabel: string; yFormat?: (value: number) => string }) {
  return (
    <BarChart data={data} style={CHART_STYLE} responsive margin={MARGIN} accessibilityLayer={false}>
      {axes(xLabel, yLabel, yFormat)}
      {series.map((item, index) => (
        <Bar key={item.key} dataKey={item.key} name={item.label} fill={COLORS[index % COLORS.length]} maxBarSize={48} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}

function Lines({ data, series, xLabel, yLabel }: { data: Row[]; series: Series[]; xLabel: string; yLabel: string }) {
  return (
    <LineChart data={data} style={CHART_STYLE} responsive margin={MARGIN} accessibilityLayer={false}>
      {axes(xLabel, yLabel)}
      {series.map((item, index) => (
        <Line
          key={item.key}
          type="linear"
          dataKey={item.key}
          name={item.label}
          stroke={COLORS[index % COLORS.length]}
          strokeWidth={2}
          strokeDasharray={DASHES[index % DASHES.length]}
          dot={{ r: index === 0 ? 3 : 4, strokeWidth: 2 }}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

/**
 * The community health charts (moderation dashboard): each chart with its title, axis labels, a
 * text summary and, for everyone who cannot or would rather not read a chart, "Show the numbers"
 * with the same data as a real table.
 */
export function HealthCharts({ health }: { health: CommunityHealth }): ReactNode {
  const t = useTranslations("moderation.health");
  const format = useFormatter();
  const weekLabel = (week: string) => format.dateTime(new Date(`${week}T00:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
  const count = (value: number | null) => (value === null ? t("none") : format.number(value));
  const percent = (value: number | null) => (value === null ? t("none") : format.number(value, { style: "percent", maximumFractionDigits: 1 }));
  const hours = (value: number | null) => (value === null ? t("none") : t("hours", { hours: format.number(value, { maximumFractionDigits: 1 }) }));
  const listLabel = (list: string) => {
    if ((HEALTH_LIST_KINDS as readonly string[]).includes(list)) return t(`unsubscribes.lists.${list as (typeof HEALTH_LIST_KINDS)[number]}`);
    const event = list.startsWith("personal:") ? list.slice("personal:".length) : null;
    if (event && (HEALTH_PERSONAL_EVENTS as readonly string[]).includes(event)) return t(`unsubscribes.lists.personal.${event as (typeof HEALTH_PERSONAL_EVENTS)[number]}`);
    return t("unsubscribes.lists.other");
  };
  const weeks = health.weeks;
  const xLabel = t("xAxis");
  const weekColumn: Column = { key: "label", label: xLabel };
  const showNumbers = t("showNumbers");

  // Members and customers (now).
  const { membership } = health;
  const membershipRows: Row[] = [
    { label: t("membership.customers"), value: membership.customers },
    { label: t("membership.memberCustomers"), value: membership.memberCustomers },
    { label: t("membership.members"), value: membership.members },
  ];

  const joinRows: Row[] = health.joinsLeaves.map((row) => ({ label: weekLabel(row.week), joins: row.joins, leaves: row.leaves }));
  const totalJoins = health.joinsLeaves.reduce((sum, row) => sum + row.joins, 0);
  const totalLeaves = health.joinsLeaves.reduce((sum, row) => sum + row.leaves, 0);

  const unsubscribeRows: Row[] = health.unsubscribes.map((row) => ({
    label: listLabel(row.list),
    sent: row.sent,
    unsubscribed: row.unsubscribed,
    rate: row.rate,
    ratePercent: row.rate === null ? null : Math.round(row.rate * 1000) / 10,
  }));
  const totalSent = health.unsubscribes.reduce((sum, row) => sum + row.sent, 0);
  const totalUnsubscribed = health.unsubscribes.reduce((sum, row) => sum + row.unsubscribed, 0);

  const questionRows: Row[] = health.questions.weeks.map((row) => ({
    label: weekLabel(row.week),
    asked: row.asked,
    answered: row.answered,
    solved: row.solved,
    firstAnswer: row.medianHoursToFirstAnswer,
    solution: row.medianHoursToSolution,
  }));
  const overall = health.questions.overall;

  const activeRows: Row[] = health.activeMembers.weeks.map((row) => ({ label: weekLabel(row.week), active: row.active }));
  const lastActive = health.activeMembers.weeks.at(-1)?.active ?? 0;

  const reviewRows: Row[] = health.review.weeks.map((row) => ({
    label: weekLabel(row.week),
    queueAtEnd: row.queueAtEnd,
    opened: row.opened,
    resolved: row.resolved,
    median: row.medianReviewHours,
  }));

  return (
    <div className={`grid grid-cols-1 gap-6 xl:grid-cols-2 ${PALETTE}`}>
      <ChartCard
        id="health-membership"
        title={t("membership.title")}
        summary={
          membership.customers > 0
            ? t("membership.summary", { memberCustomers: membership.memberCustomers, customers: membership.customers, rate: percent(membership.optInRate), members: membership.members })
            : t("membership.summaryNoCustomers", { members: membership.members })
        }
        showNumbers={showNumbers}
        columns={[
          { key: "label", label: t("membership.group") },
          { key: "value", label: t("membership.people"), format: count },
        ]}
        rows={membershipRows}
      >
        <Bars data={membershipRows} series={[{ key: "value", label: t("membership.people") }]} xLabel={t("membership.group")} yLabel={t("membership.people")} />
      </ChartCard>

      <ChartCard
        id="health-joins"
        title={t("joins.title")}
        summary={t("joins.summary", { weeks, joins: totalJoins, leaves: totalLeaves })}
        showNumbers={showNumbers}
        columns={[weekColumn, { key: "joins", label: t("joins.joins"), format: count }, { key: "leaves", label: t("joins.leaves"), format: count }]}
        rows={joinRows}
      >
        <Bars
          data={joinRows}
          series={[
            { key: "joins", label: t("joins.joins") },
            { key: "leaves", label: t("joins.leaves") },
          ]}
          xLabel={xLabel}
          yLabel={t("joins.yAxis")}
        />
      </ChartCard>

      <ChartCard
        id="health-unsubscribes"
        title={t("unsubscribes.title")}
        summary={unsubscribeRows.length > 0 ? t("unsubscribes.summary", { weeks, unsubscribed: totalUnsubscribed, sent: totalSent }) : t("unsubscribes.empty")}
        showNumbers={showNumbers}
        columns={[
          { key: "label", label: t("unsubscribes.list") },
          { key: "sent", label: t("unsubscribes.sent"), format: count },
          { key: "unsubscribed", label: t("unsubscribes.unsubscribed"), format: count },
          { key: "rate", label: t("unsubscribes.rate"), format: percent },
        ]}
        rows={unsubscribeRows}
      >
        {unsubscribeRows.length > 0 ? (
          <Bars data={unsubscribeRows} series={[{ key: "ratePercent", label: t("unsubscribes.rate") }]} xLabel={t("unsubscribes.list")} yLabel={t("unsubscribes.yAxis")} />
        ) : null}
      </ChartCard>

      <ChartCard
        id="health-questions"
        title={t("questions.title")}
        summary={t("questions.summary", { weeks, asked: overall.asked, answered: overall.answered, solved: overall.solved })}
        showNumbers={showNumbers}
        columns={[
          weekColumn,
          { key: "asked", label: t("questions.asked"), format: count },
          { key: "answered", label: t("questions.answered"), format: count },
          { key: "solved", label: t("questions.solved"), format: count },
        ]}
        rows={questionRows}
      >
        <Bars
          data={questionRows}
          series={[
            { key: "asked", label: t("questions.asked") },
            { key: "answered", label: t("questions.answered") },
            { key: "solved", label: t("questions.solved") },
          ]}
          xLabel={xLabel}
          yLabel={t("questions.yAxis")}
        />
      </ChartCard>

      <ChartCard
        id="health-response-times"
        title={t("responseTimes.title")}
        summary={t("responseTimes.summary", { weeks, firstAnswer: hours(overall.medianHoursToFirstAnswer), solution: hours(overall.medianHoursToSolution) })}
        showNumbers={showNumbers}
        columns={[weekColumn, { key: "firstAnswer", label: t("responseTimes.firstAnswer"), format: hours }, { key: "solution", label: t("responseTimes.solution"), format: hours }]}
        rows={questionRows}
      >
        <Lines
          data={questionRows}
          series={[
            { key: "firstAnswer", label: t("responseTimes.firstAnswer") },
            { key: "solution", label: t("responseTimes.solution") },
          ]}
          xLabel={xLabel}
          yLabel={t("responseTimes.yAxis")}
        />
      </ChartCard>

      <ChartCard
        id="health-active"
        title={t("active.title")}
        summary={t("active.summary", { weeks, overall: health.activeMembers.overall, last: lastActive })}
        showNumbers={showNumbers}
        columns={[weekColumn, { key: "active", label: t("active.active"), format: count }]}
        rows={activeRows}
      >
        <Lines data={activeRows} series={[{ key: "active", label: t("active.active") }]} xLabel={xLabel} yLabel={t("active.yAxis")} />
      </ChartCard>

      <ChartCard
        id="health-queue"
        title={t("queue.title")}
        summary={t("queue.summary", { weeks, openNow: health.review.openNow, median: hours(health.review.medianReviewHours) })}
        showNumbers={showNumbers}
        columns={[
          weekColumn,
          { key: "queueAtEnd", label: t("queue.queueAtEnd"), format: count },
          { key: "opened", label: t("queue.opened"), format: count },
          { key: "resolved", label: t("queue.resolved"), format: count },
          { key: "median", label: t("queue.median"), format: hours },
        ]}
        rows={reviewRows}
      >
        <Lines
          data={reviewRows}
          series={[
            { key: "queueAtEnd", label: t("queue.queueAtEnd") },
            { key: "opened", label: t("queue.opened") },
            { key: "resolved", label: t("queue.resolved") },
          ]}
          xLabel={xLabel}
          yLabel={t("queue.yAxis")}
        />
      </ChartCard>
    </div>
  );
}
