import { expect } from "chai";
import { deadlineStatus } from "../../web/server/cockpit/deadline-status.js";
import { parseEngineDate } from "../../lib/engine/engine-date.js";
import { tokenCounts } from "../../web/server/cockpit/instance-detail.js";

describe("cockpit: deadline status", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const at = (iso: string) => new Date(iso);

  it("classifies open cases by the distance to the limit, 14 days being due soon", () => {
    expect(deadlineStatus({}, now)).to.equal("no-deadline");
    expect(deadlineStatus({ due: at("2026-11-23T09:59:59Z") }, now)).to.equal("overdue");
    expect(deadlineStatus({ due: at("2026-12-07T10:00:00Z") }, now)).to.equal("due-soon");
    expect(deadlineStatus({ due: at("2026-12-07T10:00:01Z") }, now)).to.equal("on-track");
  });

  it("classifies concluded cases by when they were concluded, whatever the date now", () => {
    const due = at("2026-10-01T20:59:59Z");
    expect(deadlineStatus({ due, doneAt: at("2026-10-01T20:59:59Z") }, now)).to.equal("done-in-time");
    expect(deadlineStatus({ due, doneAt: at("2026-10-02T06:00:00Z") }, now)).to.equal("done-late");
  });

  it("reads the engine's dates, whose offset has no colon", () => {
    expect(parseEngineDate("2026-12-07T00:00:00.000+0200")?.toISOString()).to.equal("2026-12-06T22:00:00.000Z");
    expect(parseEngineDate("not a date")).to.equal(undefined);
    expect(parseEngineDate(null)).to.equal(undefined);
  });
});

describe("cockpit: tokens from the activity instance tree", () => {
  it("counts waiting tokens per activity, inside sub-processes and multi-instance bodies, and transitions", () => {
    const counts = tokenCounts({
      activityId: "process",
      childActivityInstances: [
        { activityId: "review", childActivityInstances: [], childTransitionInstances: [] },
        {
          activityId: "meetings#multiInstanceBody",
          childActivityInstances: [
            { activityId: "meeting", childActivityInstances: [], childTransitionInstances: [] },
            { activityId: "meeting", childActivityInstances: [], childTransitionInstances: [] },
          ],
          childTransitionInstances: [],
        },
      ],
      childTransitionInstances: [{ activityId: "notify" }],
    });
    expect(counts).to.deep.equal({ review: 1, meeting: 2, notify: 1 });
  });
});
