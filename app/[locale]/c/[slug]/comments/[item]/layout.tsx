// The report form translates in the browser: its messages come from here (not from the locale layout).
export { CommentReportMessagesLayout as default } from "@/components/client-messages";
