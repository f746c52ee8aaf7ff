"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { MODE_COOKIE } from "@/lib/http/session/session";

/** Switches the dashboard between test and live data (a view setting; keys decide the API's mode). */
export async function setModeAction(form: FormData): Promise<void> {
  const live = form.get("mode") === "live";
  (await cookies()).set(MODE_COOKIE, live ? "live" : "test", { httpOnly: true, sameSite: "lax", path: "/" });
  revalidatePath("/", "layout");
}
