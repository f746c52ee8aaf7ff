import { redirect } from "next/navigation";
import { auth } from "@/lib/http/session/config";

export default async function Home() {
  const session = await auth();
  redirect(session ? "/dashboard" : "/login");
}
