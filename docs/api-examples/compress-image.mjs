// Making a phone photo small enough to send, as the kit's forms do: decoded
// upright, scaled to a long edge of 1600 px, re-encoded as JPEG without its
// metadata (no GPS position leaves the device) until it is under 300 KB.
import init, { compressImage } from '/services/eform/eservice-api.js';

await init();

// In a page: const photo = document.querySelector('input[type=file]').files[0];
// Here, a 12-megapixel stand-in with some detail in it.
const canvas = new OffscreenCanvas(4000, 3000);
const g = canvas.getContext('2d');
for (let i = 0; i < 400; i++) {
  g.fillStyle = `hsl(${(i * 37) % 360} 60% ${30 + (i % 40)}%)`;
  g.fillRect((i * 97) % 4000, (i * 53) % 3000, 300, 200);
}
const photo = new File([await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })], 'house.jpg', { type: 'image/jpeg' });

export const { blob, entry } = await compressImage(photo, { longEdge: 1600, targetBytes: 300 * 1024, lang: 'en' });
export const originalSize = photo.size;

console.log(`${entry.name}: ${entry.original.size} → ${entry.size} bytes, ${entry.compression.longEdge} px, SHA-256 ${entry.sha256}`);
