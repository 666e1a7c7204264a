namespace BidPortal.Domain;

/// <summary>
/// A field named in a message ("请填写致电人。", a length message): a message takes the field, never
/// a property name, and the catalog gives its label in the reader's language ("TextField.Place").
/// </summary>
public enum TextField
{
    Title, TitleEn, TargetTrainees, Place, Objectives, Comment, File, Name, NameEn, Code, Email, Phone, Note, CalledBy,
    Question, Answer, Description, Reason, ContactName,
    OnSiteTeaching, PriceIncludes, Submission, Faculty, CourseOutline, Price, Days, Trainees,
}
