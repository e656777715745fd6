// The workbook's media type, apart from the encoder, so that naming it does not load exceljs.
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
