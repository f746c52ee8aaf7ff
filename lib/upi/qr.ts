import QRCode from "qrcode";

/** The QR of a `upi://pay` link as an SVG (medium error correction, a one-module quiet zone). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}
