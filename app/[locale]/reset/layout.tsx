// Its client components translate in the browser: they get next-intl's messages here (not in the locale layout).
export { AllMessagesLayout as default } from "@/components/client-messages";
