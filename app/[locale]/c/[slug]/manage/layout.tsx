// The response form translates in the browser: its messages come from here (not from the locale layout).
export { ResponseFormMessagesLayout as default } from "@/components/client-messages";
