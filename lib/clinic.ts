/** A tel: link for a phone number as people write it ("020 7946 0321" → "tel:02079460321"). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^+\d]/g, "")}`;
