import { db } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { consentsToReview } from "@/lib/patients/consent-versions";
import { ConsentReviewNotice } from "./consent-review-notice";

/** On every patient page: a consent whose text was replaced asks to be reviewed (one indexed query per page). */
export async function ConsentReviewBanner() {
  const user = await currentUser();
  if (user?.role !== "patient") return null;
  const reviews = await consentsToReview(db(), user.id);
  if (reviews.length === 0) return null;
  return <ConsentReviewNotice lapsed={reviews.some((review) => review.lapsed)} />;
}
