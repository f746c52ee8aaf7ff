import { expect, test } from "@playwright/test";

// app/api/bench-floor's routes (unauthenticated, they read any payment's row and write the bench's table) exist only
// in the build `npm run bench:floor` makes with KASSA_BENCH_FLOOR=1 (next.config.ts). This server is `next build`'s.
test("the bench floor's routes are not in a normal build: 404 for GET and POST, with and without ?db", async ({ request }) => {
  for (const path of ["/api/bench-floor/pay_01m92ya48srba4xkgmjvs792yp", "/api/bench-floor/pay_01m92ya48srba4xkgmjvs792yp?db=1"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  for (const path of ["/api/bench-floor", "/api/bench-floor?db=3"]) {
    expect((await request.post(path, { data: { amount: 4200 } })).status(), path).toBe(404);
  }
});
