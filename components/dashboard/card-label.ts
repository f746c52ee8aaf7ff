/** A saved card as people read it: "visa · 4242" (and "exp 04/2031"). Usable on server and client. */
export const cardLabel = (c: { brand: string; last4: string }) => `${c.brand} · ${c.last4}`;
export const cardExpiry = (c: { exp_month: number; exp_year: number }) => `${String(c.exp_month).padStart(2, "0")}/${c.exp_year}`;
