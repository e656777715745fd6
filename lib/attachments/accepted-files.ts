/** The file input's `accept`: a convenience for the browser's file picker; the server checks every file's content. */
export const ACCEPTED_FILES =
  ".pdf,.docx,.odt,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,image/png,image/jpeg";
