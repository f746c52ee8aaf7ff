DROP TABLE "inngest_events" CASCADE;--> statement-breakpoint
DROP TABLE "inngest_functions" CASCADE;--> statement-breakpoint
DROP TABLE "inngest_queue" CASCADE;--> statement-breakpoint
DROP TABLE "inngest_runs" CASCADE;--> statement-breakpoint
DROP TABLE "inngest_steps" CASCADE;--> statement-breakpoint
DROP TABLE "inngest_waits" CASCADE;