// The demo's past incidents and their blameless post-mortems: data only, written by seedDemoHistory.
import type { JourneyName } from "../vocabulary/catalog.ts";

export type DemoRole = "ADMIN" | "COMMANDER" | "RESPONDER";

export interface DemoActionItem {
  title: string;
  owner: { team: string } | { role: DemoRole } | null;
  /** Days from today; negative is in the past. */
  dueInDays: number | null;
  priority: "high" | "medium" | "low";
  status: "open" | "in_progress" | "done" | "wont_do";
  ticket?: string;
}

export interface DemoPastIncident {
  title: string;
  summary: string;
  severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  /** Days before now it started, and its key times in minutes after the start. */
  daysAgo: number;
  minutes: { detected: number; acknowledged: number; mitigated: number; resolved: number };
  services: string[];
  /** Impact steps: minutes after the start → degradation per journey. */
  impact: { at: number; journeys: Partial<Record<JourneyName, number>> }[];
  postmortem: { status: "published" | "draft"; title: string; sections: { key: string; title: string; body: string }[] };
  actionItems: DemoActionItem[];
}

const TICKETS = "https://tickets.example.com/browse";

export const DEMO_PAST_INCIDENTS: DemoPastIncident[] = [
  {
    title: "Inventory sync lag shows in-stock items as sold out",
    summary: "The ERP → inventory stock sync fell 40 minutes behind; product pages showed 'out of stock' for items on the shelf.",
    severity: "SEV2",
    daysAgo: 51,
    minutes: { detected: 6, acknowledged: 11, mitigated: 95, resolved: 130 },
    services: ["Inventory service", "ERP sync"],
    impact: [
      { at: 0, journeys: { product_page: 20, cart: 15, checkout: 10 } },
      { at: 95, journeys: { product_page: 5, cart: 5, checkout: 0 } },
    ],
    postmortem: {
      status: "published",
      title: "Inventory sync lag: in-stock items shown as sold out",
      sections: [
        {
          key: "summary",
          title: "Summary",
          body: "For a little over two hours, about a fifth of product pages showed **out of stock** for items we had on the shelf. The nightly ERP price job overlapped with the stock sync and the sync queue fell 40 minutes behind.",
        },
        {
          key: "impact",
          title: "Impact",
          body: "- Product pages degraded ~20%, cart ~15%, checkout ~10% at the worst point.\n- Customers could not add affected SKUs to the cart; support received 61 tickets.",
        },
        {
          key: "timeline",
          title: "Timeline",
          body: "- **09:02** Stock-lag alert fires (sync lag > 15 min).\n- **09:13** Incident declared, Inventory on point.\n- **09:40** Price job identified as the competing consumer.\n- **10:37** Price job paused; sync catches up.\n- **11:12** Lag back under one minute; resolved.",
        },
        {
          key: "contributing_factors",
          title: "Contributing factors",
          body: "- The price job and the stock sync share one ERP connection pool of 8.\n- The price job was rescheduled last month without a check on what else runs at that hour.\n- Stock-lag alerting pages only after 15 minutes of lag.",
        },
        {
          key: "went_well",
          title: "What went well",
          body: "- The lag dashboard made the cause visible within half an hour.\n- Pausing the price job was safe and reversible.",
        },
        {
          key: "went_poorly",
          title: "What went poorly",
          body: "- It took 27 minutes to find who owned the price job's schedule.\n- The storefront kept caching 'sold out' for 10 minutes after recovery.",
        },
        { key: "lucky", title: "Where we got lucky", body: "It happened on a weekday morning, not during the evening peak." },
        {
          key: "lessons",
          title: "Lessons",
          body: "Batch jobs that share a dependency need one owner for the schedule, and stock freshness needs an alert that fires before customers notice.",
        },
      ],
    },
    actionItems: [
      {
        title: "Give the stock sync its own ERP connection pool",
        owner: { team: "ERP/Integrations" },
        dueInDays: -30,
        priority: "high",
        status: "done",
        ticket: `${TICKETS}/ERP-412`,
      },
      {
        title: "Alert on stock sync lag above 5 minutes",
        owner: { team: "Inventory" },
        dueInDays: -35,
        priority: "high",
        status: "done",
        ticket: `${TICKETS}/INV-233`,
      },
      {
        title: "Purge storefront stock cache when the sync catches up",
        owner: { team: "Storefront" },
        dueInDays: -9,
        priority: "medium",
        status: "in_progress",
        ticket: `${TICKETS}/WEB-1187`,
      },
      {
        title: "Move the price job to a separate ERP read replica",
        owner: { team: "ERP/Integrations" },
        dueInDays: null,
        priority: "low",
        status: "wont_do",
      },
    ],
  },
  {
    title: "Product feed six hours behind on prices",
    summary: "The marketplace feed export stalled on a malformed PIM attribute; ads showed yesterday's prices.",
    severity: "SEV3",
    daysAgo: 37,
    minutes: { detected: 190, acknowledged: 205, mitigated: 300, resolved: 340 },
    services: ["Product feeds", "PIM"],
    impact: [
      { at: 0, journeys: { browse: 6 } },
      { at: 300, journeys: { browse: 0 } },
    ],
    postmortem: {
      status: "published",
      title: "Product feed delay: marketplace prices six hours stale",
      sections: [
        {
          key: "summary",
          title: "Summary",
          body: "The marketplace and shopping-ad feeds stopped updating for six hours. A PIM attribute with an unescaped tab character made the export job fail on every retry, and nothing alerted on feed age.",
        },
        {
          key: "impact",
          title: "Impact",
          body: "- Ads and marketplace listings showed stale prices; 14 orders were placed at an outdated price and honoured.\n- Browse traffic from ads dipped by about 6%.",
        },
        {
          key: "timeline",
          title: "Timeline",
          body: "- **03:10** First failed export.\n- **06:20** Marketplace account manager emails about stale prices.\n- **06:35** Incident declared.\n- **08:10** Attribute fixed in PIM, export re-run.\n- **08:50** Feeds confirmed fresh; resolved.",
        },
        {
          key: "contributing_factors",
          title: "Contributing factors",
          body: "- The export treats any malformed value as fatal for the whole feed.\n- Feed freshness was monitored only by the marketplace, not by us.",
        },
        {
          key: "went_well",
          title: "What went well",
          body: "The export logs named the offending SKU, so the fix took minutes once someone looked.",
        },
        { key: "went_poorly", title: "What went poorly", body: "We learned about it from a partner three hours after it started." },
        { key: "lucky", title: "Where we got lucky", body: "Prices had not changed much overnight; no promotion started in the window." },
        {
          key: "lessons",
          title: "Lessons",
          body: "Skip and report bad rows instead of failing a whole export, and watch the age of every outbound feed.",
        },
      ],
    },
    actionItems: [
      {
        title: "Alert when any outbound feed is older than 60 minutes",
        owner: { team: "Search & Feeds" },
        dueInDays: -20,
        priority: "high",
        status: "done",
        ticket: `${TICKETS}/FEED-88`,
      },
      {
        title: "Skip and report malformed rows instead of failing the export",
        owner: { role: "RESPONDER" },
        dueInDays: -6,
        priority: "high",
        status: "open",
        ticket: `${TICKETS}/FEED-91`,
      },
      {
        title: "Validate attribute values on save in PIM",
        owner: { team: "Search & Feeds" },
        dueInDays: 21,
        priority: "medium",
        status: "open",
      },
    ],
  },
  {
    title: "Payment gateway timeouts during the flash sale",
    summary:
      "PSP authorisations timed out for most card payments for 40 minutes when a retry storm exhausted the adapter's connection pool.",
    severity: "SEV1",
    daysAgo: 22,
    minutes: { detected: 2, acknowledged: 4, mitigated: 38, resolved: 52 },
    services: ["Payment gateway adapter", "Checkout API"],
    impact: [
      { at: 0, journeys: { checkout: 70, payment: 60 } },
      { at: 38, journeys: { checkout: 15, payment: 10 } },
    ],
    postmortem: {
      status: "published",
      title: "Payment gateway timeouts during the flash sale",
      sections: [
        {
          key: "summary",
          title: "Summary",
          body: "During the 12:00 flash sale, card authorisations timed out for most customers for about 40 minutes. Client retries with no back-off multiplied the load on the payment gateway adapter until its connection pool to the PSP was exhausted. Disabling the new one-click checkout flag stopped the storm.",
        },
        {
          key: "impact",
          title: "Impact",
          body: "- Checkout degraded ~70% and payment ~60% at the worst point.\n- 2,140 failed checkouts; 180 support tickets.\n- No double charges: the PSP's idempotency keys held.",
        },
        {
          key: "timeline",
          title: "Timeline",
          body: "- **12:00** Flash sale opens; traffic ×3.\n- **12:02** Alert: payment authorisation error rate 35%.\n- **12:04** SEV1 declared.\n- **12:20** Hypothesis: retry storm from one-click checkout.\n- **12:38** Feature flag `checkout.one-click` off; errors fall to 4%.\n- **12:52** Pool recovered; resolved.",
        },
        {
          key: "contributing_factors",
          title: "Contributing factors",
          body: "- The one-click client retried failed authorisations immediately, up to 5 times.\n- The adapter's pool size (50) was sized for normal traffic, not a sale.\n- The load test for the sale did not include the new flow.",
        },
        {
          key: "went_well",
          title: "What went well",
          body: "- The flag let us remove the new flow in seconds without a deploy.\n- The room had one commander and one timeline from minute four.",
        },
        {
          key: "went_poorly",
          title: "What went poorly",
          body: "- Fulfilment kept pushing stock updates for 20 minutes because nobody told them.\n- The status page was updated 25 minutes in.",
        },
        {
          key: "lucky",
          title: "Where we got lucky",
          body: "The PSP itself stayed healthy; a provider outage at the same time would have doubled the recovery time.",
        },
        {
          key: "lessons",
          title: "Lessons",
          body: "New payment flows ship behind a flag with back-off, and sale load tests cover every checkout path.",
        },
      ],
    },
    actionItems: [
      {
        title: "Exponential back-off with jitter for payment retries in one-click",
        owner: { team: "Checkout" },
        dueInDays: -10,
        priority: "high",
        status: "done",
        ticket: `${TICKETS}/CHK-902`,
      },
      {
        title: "Size the PSP connection pool for sale traffic and alert at 80%",
        owner: { team: "Payments" },
        dueInDays: -4,
        priority: "high",
        status: "open",
        ticket: `${TICKETS}/PAY-311`,
      },
      {
        title: "Add one-click checkout to the sale load test",
        owner: { role: "COMMANDER" },
        dueInDays: 5,
        priority: "medium",
        status: "in_progress",
        ticket: `${TICKETS}/QA-77`,
      },
      {
        title: "Post the first status page update within 10 minutes of a SEV1",
        owner: { role: "ADMIN" },
        dueInDays: 14,
        priority: "medium",
        status: "open",
      },
    ],
  },
  {
    title: "Search index stale after a PIM attribute change",
    summary: "A bulk colour-attribute change fanned out to 1.2 M product updates; the search indexer fell behind and results went stale.",
    severity: "SEV2",
    daysAgo: 10,
    minutes: { detected: 9, acknowledged: 14, mitigated: 60, resolved: 85 },
    services: ["Search index", "PIM"],
    impact: [
      { at: 0, journeys: { search: 40, browse: 15 } },
      { at: 60, journeys: { search: 10, browse: 5 } },
    ],
    postmortem: {
      status: "published",
      title: "Search index stale after a bulk PIM change",
      sections: [
        {
          key: "summary",
          title: "Summary",
          body: "A bulk edit of one attribute in PIM produced 1.2 million product updates. The search indexer processed them in arrival order, so price and stock updates queued behind them and search results went stale for over an hour.",
        },
        {
          key: "impact",
          title: "Impact",
          body: "- Search degraded ~40% (stale prices and availability), browse ~15%.\n- Conversion from search fell from 3.1% to 1.9% during the incident.",
        },
        {
          key: "timeline",
          title: "Timeline",
          body: "- **14:00** Bulk colour change saved in PIM.\n- **14:09** Indexer lag alert.\n- **14:14** Incident declared.\n- **15:00** Bulk updates moved to a low-priority queue; lag falls.\n- **15:25** Index current; resolved.",
        },
        {
          key: "contributing_factors",
          title: "Contributing factors",
          body: "- One queue for all product updates, no priorities.\n- PIM bulk edits have no warning about fan-out size.",
        },
        { key: "went_well", title: "What went well", body: "Splitting the queue was already designed; turning it on took 15 minutes." },
        { key: "went_poorly", title: "What went poorly", body: "The merchandising team did not know a bulk edit could affect search." },
        { key: "lucky", title: "Where we got lucky", body: "It was not a peak day." },
        {
          key: "lessons",
          title: "Lessons",
          body: "Customer-visible updates (price, stock) must never wait behind bulk catalogue changes.",
        },
      ],
    },
    actionItems: [
      {
        title: "Keep the priority queue for price and stock updates on permanently",
        owner: { team: "Search & Feeds" },
        dueInDays: -3,
        priority: "high",
        status: "done",
        ticket: `${TICKETS}/SRCH-140`,
      },
      {
        title: "Warn in PIM before a bulk edit touching more than 100k products",
        owner: { team: "Search & Feeds" },
        dueInDays: 12,
        priority: "medium",
        status: "open",
        ticket: `${TICKETS}/PIM-55`,
      },
    ],
  },
  {
    title: "Returns API release breaks order status sync",
    summary: "A Returns API release changed a status code; the OMS stopped updating refunded orders.",
    severity: "SEV3",
    daysAgo: 3,
    minutes: { detected: 25, acknowledged: 31, mitigated: 55, resolved: 70 },
    services: ["Returns API", "OMS"],
    impact: [
      { at: 0, journeys: { returns: 30, post_purchase: 10 } },
      { at: 55, journeys: { returns: 0, post_purchase: 0 } },
    ],
    postmortem: {
      status: "draft",
      title: "Returns API release breaks order status sync",
      sections: [
        {
          key: "summary",
          title: "Summary",
          body: "The 2.14 release of the Returns API renamed the `REFUNDED` status to `REFUND_COMPLETE`. The OMS rejected the unknown status, so refunded orders stayed 'return in progress' for customers.",
        },
        { key: "impact", title: "Impact", body: "About 300 customers saw an outdated return status; 40 contacted support." },
        { key: "contributing_factors", title: "Contributing factors", body: "_To be discussed in the review._" },
      ],
    },
    actionItems: [
      {
        title: "Contract test between Returns API and OMS status mapping",
        owner: { team: "Fulfillment" },
        dueInDays: 10,
        priority: "high",
        status: "open",
      },
    ],
  },
];
