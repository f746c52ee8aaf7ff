// The dispute countdown the dashboard shows: wording at each scale, overdue and closed states.
import { describe, expect, it } from "vitest";
import { respondBy, timeLeft } from "./respond-by";

const H = 3_600_000;
const now = Date.UTC(2026, 10, 22, 9, 0, 0);
const due = (ms: number) => (now + ms) / 1000;

describe("respondBy", () => {
  it("counts down in days and hours, then hours and minutes, rounding down", () => {
    expect(respondBy("needs_response", due(3 * 24 * H + 4 * H + 59 * 60_000), now)).toEqual({ label: "Respond in 3 days 4 h", tone: "amber", open: true });
    expect(respondBy("needs_response", due(24 * H), now).label).toBe("Respond in 1 day");
    expect(respondBy("warning_needs_response", due(5 * H + 20 * 60_000), now)).toEqual({ label: "Respond in 5 h 20 min", tone: "red", open: true });
    expect(respondBy("needs_response", due(2 * H), now).label).toBe("Respond in 2 h");
    expect(timeLeft(20_000)).toBe("1 min");
    expect(timeLeft(47 * 60_000)).toBe("47 min");
  });

  it("is overdue at and after evidence_due_by", () => {
    expect(respondBy("needs_response", due(0), now)).toEqual({ label: "Overdue", tone: "red", open: false });
    expect(respondBy("needs_response", due(-H), now).open).toBe(false);
  });

  it("says the state of disputes that no longer wait for the merchant, whatever the date", () => {
    expect(respondBy("under_review", due(H), now)).toMatchObject({ label: "Evidence submitted, under review", open: false });
    expect(respondBy("won", due(-H), now)).toMatchObject({ label: "Won", tone: "green", open: false });
    expect(respondBy("lost", due(H), now)).toMatchObject({ label: "Lost", tone: "red" });
    expect(respondBy("warning_closed", due(H), now).label).toBe("Inquiry closed");
  });
});
